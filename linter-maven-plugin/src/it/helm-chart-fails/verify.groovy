// A Helm chart rendered inside Maven's JVM: the finding points at the prod values line.
def log = new File(basedir, "build.log").text
assert log.contains("[ERROR] charts/orders-api/values-prod.yaml:5:20: error: pool max 10 cannot carry the offered load of 10.0 connections per pod")
assert log.contains("BUILD FAILURE")
def json = new File(basedir, "target/poolguard/poolguard.json").text
assert json.contains("\"label\": \"Helm template\"")
assert json.contains("charts/orders-api/templates/deployment.yaml")
// nothing written into the chart
assert new File(basedir, "charts/orders-api").list().sort() == ["Chart.yaml", "templates", "values-prod.yaml", "values.yaml"]
return true
