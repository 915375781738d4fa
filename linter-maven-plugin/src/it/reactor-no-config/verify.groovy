// Without poolguard.yaml the top of the reactor is the lint root: the modules are linted together
// with the Kubernetes manifests in k8s/ that override them, once, in the parent.
def log = new File(basedir, "build.log").text
def count = { String what -> log.split(java.util.regex.Pattern.quote(what), -1).length - 1 }
assert count("[WARNING] orders/src/main/resources/application.yml:5:23: warning: spring.datasource.hikari.keepalive-time 10000") == 1
assert count("[ERROR] billing/src/main/resources/application.yml:5:27: error: spring.datasource.hikari.connection-timeout 100 ms is below HikariCP's minimum of 250 ms") == 1
// Seen only when the manifest is linted with the module it deploys.
assert count("[ERROR] k8s/orders.yaml:21:") == 1
assert count("[connection-timeout-below-minimum]") == 2
def report = new File(basedir, "target/poolguard/poolguard.txt").text
assert report.contains("k8s/orders.yaml")
assert report.contains("[keepalive-ineffective]")
assert !new File(basedir, "orders/target/poolguard").exists()
assert log.contains("BUILD FAILURE")
return true
