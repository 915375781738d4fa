def log = new File(basedir, "build.log").text
assert log.contains("poolguard: skipped")
assert log.contains("BUILD SUCCESS")
assert !new File(basedir, "target/poolguard").exists()
return true
