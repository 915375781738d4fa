def log = new File(basedir, "build.log").text
assert log.contains("[ERROR] orders-api/src/main/resources/application-prod.yml:7:26: error: pool max 10 cannot carry the offered load of 10.0 connections per pod")
assert log.contains("[pool-below-peak-demand]")
assert log.contains("poolguard: 1 finding(s) at or above error; see ")
assert log.contains("BUILD FAILURE")
assert new File(basedir, "target/poolguard/poolguard.txt").text.contains("[pool-below-peak-demand]")
return true
