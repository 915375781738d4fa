def log = new File(basedir, "build.log").text
assert log.contains("[ERROR] src/main/resources/application.yml:5:26: error: spring.datasource.hikari.maximum-pool-size lowered to 10 (was 40 at src/main/resources/application.yml:5 in HEAD)")
assert log.contains("[pool-max-reduced]")
// The shrink, and the project's pom.xml without an actuator (pool-not-observable).
assert log.contains("[pool-not-observable]")
assert log.contains("poolguard: 2 finding(s) at or above warning")
assert new File(basedir, "src/main/resources/application.yml").text.contains("maximum-pool-size: 10")
return true
