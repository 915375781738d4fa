def log = new File(basedir, "build.log").text
// The finding HEAD already has is not shown and does not fail the build (newOnly) ...
assert !log.contains("[min-idle-exceeds-max]") : log
// HEAD has both: minimum-idle above the maximum, and a pom.xml without an actuator.
assert !log.contains("[pool-not-observable]") : log
assert log.contains("2 existing finding(s) not shown (newOnly)") : log
// ... and the disabled rule does not run.
assert !log.contains("connection-timeout-below-minimum") : log
assert log.contains("BUILD SUCCESS") : log
def report = new File(basedir, "target/poolguard/poolguard.txt").text
assert report.contains("2 existing findings not shown (--new-only)") : report
return true
