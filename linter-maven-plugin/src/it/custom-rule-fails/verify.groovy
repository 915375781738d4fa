def log = new File(basedir, "build.log").text
assert log.contains("[ERROR] orders/src/main/resources/application.yml:9:26: error: orders: pool 80 is above the prod limit of 50 [prod-pool-limit]")
assert log.contains("poolguard: 1 finding(s) at or above error; see ")
assert log.contains("BUILD FAILURE")
return true
