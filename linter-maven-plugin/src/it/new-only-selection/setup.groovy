// A real repository whose HEAD already has a finding (minimum-idle above the maximum); the work
// tree adds a finding of a rule the build disables, and a comment.
def run(String... command) {
  def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def output = process.inputStream.text
  assert process.waitFor() == 0 : output
}
run("git", "init", "-q")
run("git", "add", ".")
run("git", "-c", "user.name=it", "-c", "user.email=it@example.com", "commit", "-q", "-m", "existing finding")
def config = new File(basedir, "src/main/resources/application.yml")
config.text = "# orders service\n" + config.text + "      connection-timeout: 100\n"
return true
