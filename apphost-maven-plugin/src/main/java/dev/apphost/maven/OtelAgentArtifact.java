package dev.apphost.maven;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The OpenTelemetry Java agent ({@value #COORDINATES}), resolved like a dependency: from the user's
 * repositories into the local repository, where later runs find it.
 */
final class OtelAgentArtifact {

    static final String COORDINATES = "io.opentelemetry.javaagent:opentelemetry-javaagent";

    private OtelAgentArtifact() {
    }

    /** The agent jar of {@code version}. */
    static Path resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
            String version) throws ArtifactResolutionException {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(COORDINATES + ":jar:" + version),
                repositories, "apphost");
        return system.resolveArtifact(session, request).getArtifact().getFile().toPath();
    }
}
