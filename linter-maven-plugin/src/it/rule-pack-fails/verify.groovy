def log = new File(basedir, "build.log").text
assert log.contains("[ERROR] orders/src/main/resources/application.yml:9:26: error: spring.datasource.hikari.maximum-pool-size 80 exceeds the prod cap of 50 [prod-pool-cap]")
assert log.contains("poolguard: 1 finding(s) at or above error; see ")
assert log.contains("BUILD FAILURE")
return true
