// apphost:manifest on a small reactor: the file, its content, and validity against Aspire's schema.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'target/apphost/aspire-manifest.json')
assert file.isFile() : 'no manifest at ' + file
assert log.contains('apphost: Aspire manifest written to ' + file.canonicalPath) : 'expected: log.contains(\'apphost: Aspire manifest written to \' + file.canonicalPath)'

def manifest = new groovy.json.JsonSlurper().parse(file)
def r = manifest.resources
assert r.keySet().containsAll(['cache', 'password', 'api', 'queue']) : 'expected: r.keySet().containsAll([\'cache\', \'password\', \'api\', \'queue\'])'
assert r.cache.type == 'container.v0' : 'expected: r.cache.type == \'container.v0\''
assert r.cache.image.contains('redis') : 'expected: r.cache.image.contains(\'redis\')'
assert r.cache.connectionString.contains('{cache.bindings.tcp.host}:{cache.bindings.tcp.port}') : 'expected: r.cache.connectionString.contains(\'{cache.bindings.tcp.host}:{cache.bindings.tcp.port}\')'
assert r.password.type == 'parameter.v0' : 'expected: r.password.type == \'parameter.v0\''
assert r.password.inputs.value.secret == true : 'expected: r.password.inputs.value.secret == true'
assert r.api.type == 'project.v0' : 'expected: r.api.type == \'project.v0\''
assert r.api.path == '../../api/pom.xml' : 'expected: r.api.path == \'../../api/pom.xml\''
assert r.api.env.ConnectionStrings__cache == '{cache.connectionString}' : 'expected: r.api.env.ConnectionStrings__cache == \'{cache.connectionString}\''
assert r.api.env.API_PASSWORD == '{password.value}' : 'expected: r.api.env.API_PASSWORD == \'{password.value}\''
assert r.api.bindings.http.external == true : 'expected: r.api.bindings.http.external == true'
assert r.queue.type == 'container.v0' : 'expected: r.queue.type == \'container.v0\''
assert r.queue.image.contains('rabbitmq:3') : 'expected: r.queue.image.contains(\'rabbitmq:3\')'
assert r.queue.env.RABBITMQ_DEFAULT_PASS == '{password.value}' : 'expected: r.queue.env.RABBITMQ_DEFAULT_PASS == \'{password.value}\''

// Aspire's schema: ../shared/aspire/aspire-8.0.json from the repository root
def schemaFile = new File(repoRoot as String, '../shared/aspire/aspire-8.0.json')
if (!schemaFile.isFile()) {
    println "Schema check skipped: ${schemaFile.canonicalPath} is absent"
    return true
}
def factory = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
def schema = schemaFile.withInputStream { factory.getSchema(it) }
def errors = schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(file))
assert errors.isEmpty() : "manifest does not match ${schemaFile}: ${errors}"
return true
