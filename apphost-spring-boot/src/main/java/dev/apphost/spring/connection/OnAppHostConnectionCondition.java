package dev.apphost.spring.connection;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnAppHostConnectionCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnAppHostConnection.class.getName());
        ConnectionKind kind = (ConnectionKind) attributes.get("value");
        if (context.getEnvironment().getProperty(kind.connectionNameProperty()) != null) {
            return ConditionOutcome.match(kind.connectionNameProperty() + " is set");
        }
        AppHostConnections connections = AppHostConnections.from(context.getEnvironment());
        List<String> candidates = connections.all().stream()
                .filter(c -> kind.match(c) != ConnectionKind.Match.NONE).map(AppHostConnection::name).toList();
        return candidates.isEmpty()
                ? ConditionOutcome.noMatch("no AppHost connection looks like " + kind.displayName())
                : ConditionOutcome.match("AppHost connections that look like " + kind.displayName() + ": " + candidates);
    }
}
