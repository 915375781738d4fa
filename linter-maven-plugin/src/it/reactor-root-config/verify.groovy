// One lint for the reactor, in the parent, whose folder holds poolguard.yaml: each finding appears
// once per build, with paths relative to that folder; the modules only say where the lint ran.
def log = new File(basedir, "build.log").text
// build.log holds both builds, one after the other.
def cut = log.indexOf("Scanning for projects", log.indexOf("Scanning for projects") + 1)
assert cut > 0
def failing = log.substring(0, cut)
assert failing.contains("BUILD FAILURE")
def passing = log.substring(cut)

def count = { String text, String what -> text.split(java.util.regex.Pattern.quote(what), -1).length - 1 }
def error = "[ERROR] orders-api/src/main/resources/application-prod.yml:7:26: error: pool max 10 cannot carry the offered load"
def billing = "[WARNING] billing/src/main/resources/application.yml:5:23: warning: spring.datasource.hikari.keepalive-time 10000"

assert count(failing, error) == 1
assert count(failing, "[pool-below-peak-demand]") == 1
assert failing.contains("poolguard: 1 finding(s) at or above error; see ")
assert !failing.contains(basedir.path + "/orders-api/src") : "absolute paths in findings"

assert passing.contains("BUILD SUCCESS") : "-Dpoolguard.failOn=never must override the POM's property"
assert count(passing, error) == 1
assert count(passing, "[pool-below-peak-demand]") == 1
assert count(passing, billing) == 1
assert count(passing, "[keepalive-ineffective]") == 1
assert count(passing, "poolguard: lint root .. is linted by dev.poolguard.it:reactor-root-config; nothing to do here") == 2
assert count(passing, "poolguard: 1 error(s)") == 1

def reports = new File(basedir, "target/poolguard")
assert new File(reports, "poolguard.txt").text.contains("[pool-below-peak-demand]")
assert !new File(basedir, "orders-api/target/poolguard").exists()
assert !new File(basedir, "billing/target/poolguard").exists()
// The report carries the plugin's own version, not a placeholder.
assert new File(reports, "poolguard.json").text.contains("\"version\": \"" + pluginVersion + "\"")
return true
