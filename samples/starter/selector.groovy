// Used by the apphost build (samples/pom.xml), not by the sample: Redis needs a container engine.
return evaluate(new File(repoRoot, 'scripts/it/requires-container-engine.groovy'))
