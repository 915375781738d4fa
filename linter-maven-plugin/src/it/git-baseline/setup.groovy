// A real repository: commit a pool of 40, then shrink it to 10 in the work tree.
def run(String... command) {
  def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def output = process.inputStream.text
  assert process.waitFor() == 0 : output
}
run("git", "init", "-q")
run("git", "add", ".")
run("git", "-c", "user.name=it", "-c", "user.email=it@example.com", "commit", "-q", "-m", "pool 40")
def config = new File(basedir, "src/main/resources/application.yml")
config.text = config.text.replace("maximum-pool-size: 40", "maximum-pool-size: 10")
return true
