// Two modules whose names map to the same Projects type: the processor refuses, naming both.
def log = new File(basedir, 'build.log').text
assert log.contains('[AppHostNameCollision]') : 'expected: log.contains(\'[AppHostNameCollision]\')'
assert log.contains('api-service') && log.contains('api_service') : 'expected: log.contains(\'api-service\') && log.contains(\'api_service\')'
assert log.contains('apphost.projectName') : 'expected: log.contains(\'apphost.projectName\')'
return true
