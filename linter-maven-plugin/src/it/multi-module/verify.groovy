// Each module is linted by its own execution, with paths relative to it; the aggregator lints
// only what lies outside its modules.
def log = new File(basedir, "build.log").text
assert log.contains("poolguard: 0 error(s), 0 warning(s), 0 note(s) in 0 file(s)")
assert log.contains("[WARNING] src/main/resources/application.yml:5:23: warning: spring.datasource.hikari.keepalive-time 10000")
assert log.contains("[ERROR] src/main/resources/application.yml:5:27: error: spring.datasource.hikari.connection-timeout 100 ms is below HikariCP's minimum of 250 ms")
assert new File(basedir, "orders/target/poolguard/poolguard.txt").text.contains("[keepalive-ineffective]")
assert new File(basedir, "billing/target/poolguard/poolguard.txt").text.contains("[connection-timeout-below-minimum]")
assert log.contains("BUILD FAILURE")
return true
