// build.log holds the three invocations of invoker.properties, in order.
def runs = new File(basedir, "build.log").text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3

// 1: the inline ignore and the unexpired waiver suppress both findings.
assert runs[0].contains("[INFO] poolguard: 0 error(s), 0 warning(s), 0 note(s) in 1 file(s)")
assert runs[0].contains("BUILD SUCCESS")

// 2: -Dpoolguard.noInlineIgnores: the ignored finding counts; the waiver still holds.
assert runs[1].contains("[ERROR] orders/src/main/resources/application.yml:7:27: error: spring.datasource.hikari.connection-timeout 100 ms")
assert !runs[1].contains("[invalid-pool-value]")
assert runs[1].contains("BUILD FAILURE")

// 3: -Dpoolguard.today after the expiry day: the waived finding counts, and the waiver is an error.
assert runs[2].contains("[ERROR] orders/src/main/resources/application.yml:8:26: error: spring.datasource.hikari.maximum-pool-size 0")
assert runs[2].contains("[ERROR] poolguard.yaml:3:5: error: waiver of invalid-pool-value (service orders) expired on 2026-06-01 (today is 2026-07-01)")
assert !runs[2].contains("[connection-timeout-below-minimum]")
assert runs[2].contains("BUILD FAILURE")

// The JSON report of the last run keeps the inline-ignored finding with its reason.
def json = new groovy.json.JsonSlurper().parse(new File(basedir, "target/poolguard/poolguard.json"))
def inline = json.findings.find { it.ruleId == "connection-timeout-below-minimum" }
assert inline != null && inline.suppression.kind == "inline"
assert inline.suppression.justification == "driver test rig, CHG-7"
return true
