// build.log holds both invocations of invoker.properties, in order.
def log = new File(basedir, "build.log").text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2

// 1: refused before anything is read, in Maven's words, naming the key and its line.
assert runs[0].contains("poolguard: poolguard.yaml:4:5: services.orders.config:")
assert runs[0].contains("is outside the repository")
assert runs[0].contains("set -Dpoolguard.allowOutsidePaths=true")
assert !runs[0].contains("--allow-outside-paths")
assert runs[0].contains("BUILD FAILURE")

// 2: allowed on purpose: the file is read (its finding is reported), its secret is not printed.
assert runs[1].contains("warning: spring.datasource.hikari.keepalive-time 10000")
assert runs[1].contains("BUILD SUCCESS")
assert !log.contains("s3cr3t-outside-token")
assert !new File(basedir, "target/poolguard/poolguard.json").text.contains("s3cr3t-outside-token")
return true
