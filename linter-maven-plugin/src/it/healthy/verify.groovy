def log = new File(basedir, "build.log").text
assert log.contains("[WARNING] src/main/resources/application.yml:6:23: warning: spring.datasource.hikari.keepalive-time 10000")
// The project's own pom.xml is the service's build file: it declares no actuator.
assert log.contains("[WARNING] pom.xml:2:1: warning: healthy's pool metrics are not published: pom.xml declares no spring-boot-starter-actuator")
assert log.contains("poolguard: 0 error(s), 2 warning(s), 0 note(s) in 1 file(s)")
assert log.contains("BUILD SUCCESS")
assert new File(basedir, "target/poolguard/poolguard.txt").text.contains("[keepalive-ineffective]")
assert new File(basedir, "target/poolguard/poolguard.sarif").text.contains('"ruleId": "keepalive-ineffective"')
return true
