// Needs a container engine: the shared check in scripts/it.
return evaluate(new File(repoRoot, 'scripts/it/requires-container-engine.groovy'))
