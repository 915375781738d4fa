// Where the reports go: a FIFO named like the JSON report, a link from the text report's name to
// the configuration file the run reads.
def reports = new File(basedir, "target/poolguard")
reports.mkdirs()
def fifo = new ProcessBuilder("mkfifo", new File(reports, "poolguard.json").path).start()
assert fifo.waitFor() == 0
java.nio.file.Files.createSymbolicLink(
    new File(reports, "poolguard.txt").toPath(),
    java.nio.file.Paths.get("../../src/main/resources/application.yml"))
return true
