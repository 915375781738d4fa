// orders holds its own poolguard.yaml, so it is a lint root of its own; the top of the reactor is
// the lint root of everything else and leaves orders out. Built alone (-pl billing), billing lints
// the top itself, as no project of that build sits there.
def log = new File(basedir, "build.log").text
def cut = log.indexOf("BUILD SUCCESS")
assert cut > 0
def all = log.substring(0, cut)
def alone = log.substring(cut + 1)
def count = { String text, String what -> text.split(java.util.regex.Pattern.quote(what), -1).length - 1 }
def orders = "[INFO] src/main/resources/application.yml:5:23: note: spring.datasource.hikari.keepalive-time 10000"
def billing = "[WARNING] billing/src/main/resources/application.yml:5:23: warning: spring.datasource.hikari.keepalive-time 10000"

assert count(all, orders) == 1
assert count(all, billing) == 1
assert count(all, "[keepalive-ineffective]") == 2
assert !all.contains("orders/src/main/resources")
assert count(all, "poolguard: lint root .. is linted by dev.poolguard.it:reactor-module-config; nothing to do here") == 1
assert new File(basedir, "orders/target/poolguard/poolguard.txt").text.contains("note:")
assert new File(basedir, "target/poolguard/poolguard.txt").text.contains("billing/src/main/resources/application.yml")

assert alone.contains("poolguard: linting lint root .. here: its own project is not part of this build")
assert count(alone, billing) == 1
assert count(alone, "[keepalive-ineffective]") == 1
assert alone.contains("BUILD SUCCESS")
assert new File(basedir, "billing/target/poolguard/poolguard.txt").text.contains("billing/src/main/resources/application.yml")
return true
