// The project is its own git repository, so the file beside it is outside the repository.
def run(String... command) {
  def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def output = process.inputStream.text
  assert process.waitFor() == 0 : output
}
run("git", "init", "-q")
def elsewhere = new File(basedir.parentFile, "outside-paths-elsewhere")
elsewhere.mkdirs()
new File(elsewhere, "application.yml").text = """\
spring:
  datasource:
    url: jdbc:postgresql://db/orders
    password: s3cr3t-outside-token
    hikari:
      maximum-pool-size: 10
      keepalive-time: 10000
"""
return true
