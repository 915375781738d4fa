def log = new File(basedir, "build.log").text
assert log.contains("[ERROR] orders-api/src/main/resources/application-prod.yml:7:26: error: pool max 10 cannot carry the offered load of 10.0 connections per pod")
assert log.contains("[pool-below-peak-demand]")
assert log.contains("poolguard: 1 finding(s) at or above error; see ")
assert log.contains("BUILD FAILURE")
assert new File(basedir, "target/poolguard/poolguard.txt").text.contains("[pool-below-peak-demand]")
def reports = new File(basedir, "target/poolguard")
["poolguard.json", "poolguard.sarif", "poolguard.junit.xml", "poolguard.checkstyle.xml", "poolguard.md", "poolguard.html"].each {
  assert new File(reports, it).isFile() : "missing report " + it
}
assert new File(reports, "poolguard.json").text.contains("\"schemaVersion\": 1")
assert new File(reports, "poolguard.html").text.contains("<span class=\"badge\">FAIL</span>")
assert new File(reports, "poolguard.checkstyle.xml").text.contains("source=\"poolguard.pool-below-peak-demand\"")
return true
