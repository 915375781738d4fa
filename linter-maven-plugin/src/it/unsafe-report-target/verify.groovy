import java.nio.file.Files
import java.nio.file.LinkOption

def runs = new File(basedir, "build.log").text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2

// 1: the FIFO is refused, the build fails with the reason, and the FIFO is left as it was.
assert runs[0].contains("poolguard: cannot write")
assert runs[0].contains("it is not a regular file (a FIFO, socket or device)")
assert runs[0].contains("BUILD FAILURE")
def fifo = new File(basedir, "target/poolguard/poolguard.json").toPath()
assert Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)
assert !Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(fifo)

// 2: a link to an input file is refused; the input keeps its text.
assert runs[1].contains("it is one of the files this run read; write the report somewhere else")
assert runs[1].contains("BUILD FAILURE")
assert Files.isSymbolicLink(new File(basedir, "target/poolguard/poolguard.txt").toPath())
def config = new File(basedir, "src/main/resources/application.yml").text
assert config.startsWith("spring:\n  datasource:\n")
assert config.contains("maximum-pool-size: 20")
return true
