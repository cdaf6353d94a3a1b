package dev.apphost.testing;

import dev.apphost.DistributedApplication;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The JUnit 5 side of {@link AppHostTest}: builds, starts, injects and closes the app, and reports
 * the resources' output when a test fails. Registered by the annotation; not used directly.
 */
public final class AppHostExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AppHostExtension.class);
    private static final String APP = "app";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        AppHostTest settings = settings(context);
        if (settings.lifecycle() == AppHostTest.Lifecycle.PER_CLASS) {
            StartedApp app = start(context, settings, null);
            context.getStore(NAMESPACE).put(APP, app);
            injectFields(context.getRequiredTestClass(), null, app.app(), true);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        AppHostTest settings = settings(context);
        Object instance = context.getRequiredTestInstance();
        StartedApp app;
        if (settings.lifecycle() == AppHostTest.Lifecycle.PER_METHOD) {
            app = start(context, settings, instance);
            context.getStore(NAMESPACE).put(APP, app);
        } else {
            app = find(context).orElseThrow();
        }
        injectFields(context.getRequiredTestClass(), instance, app.app(), false);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // a per-method app is closed by the method's store (StartedApp is a CloseableResource)
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // a per-class app is closed by the class's store
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DistributedApplication.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return find(context).map(StartedApp::app).orElseThrow(() -> new ExtensionConfigurationException(
                "No app is running for " + parameter.getDeclaringExecutable() + ": a per-method app cannot be "
                        + "injected into a constructor or @BeforeAll method; use a field or a test method parameter."));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        find(context).ifPresent(app -> {
            String report = app.recentOutput(settings(context).logLinesOnFailure());
            if (!report.isEmpty()) {
                System.err.println(report);
                context.publishReportEntry("apphost.resources", report);
            }
        });
    }

    private static StartedApp start(ExtensionContext context, AppHostTest settings, Object instance) throws Exception {
        DistributedApplicationTestingBuilder builder = DistributedApplicationTestingBuilder.create(settings.value(),
                settings.args());
        for (Method method : AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(),
                ConfigureAppHost.class, HierarchyTraversalMode.TOP_DOWN)) {
            invokeConfigure(method, instance, builder);
        }
        return StartedApp.start(builder.build(), settings.waitForResources(),
                Duration.ofSeconds(settings.startTimeoutSeconds()));
    }

    private static void invokeConfigure(Method method, Object instance, DistributedApplicationTestingBuilder builder)
            throws Exception {
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        if (method.getParameterCount() != 1
                || method.getParameterTypes()[0] != DistributedApplicationTestingBuilder.class) {
            throw new ExtensionConfigurationException("@ConfigureAppHost method " + method
                    + " must take exactly one DistributedApplicationTestingBuilder.");
        }
        if (!isStatic && instance == null) {
            throw new ExtensionConfigurationException("@ConfigureAppHost method " + method + " must be static: "
                    + "the app is started once for the class, before any instance exists.");
        }
        method.setAccessible(true);
        try {
            method.invoke(isStatic ? null : instance, builder);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private static void injectFields(Class<?> type, Object instance, DistributedApplication app, boolean staticOnly)
            throws IllegalAccessException {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(List.of(c.getDeclaredFields()));
        }
        for (Field field : fields) {
            boolean isStatic = Modifier.isStatic(field.getModifiers());
            if (field.getType() != DistributedApplication.class || Modifier.isFinal(field.getModifiers())
                    || (staticOnly && !isStatic) || (!staticOnly && isStatic)) {
                continue;
            }
            field.setAccessible(true);
            field.set(isStatic ? null : instance, app);
        }
    }

    private static Optional<StartedApp> find(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            StartedApp app = c.get().getStore(NAMESPACE).get(APP, StartedApp.class);
            if (app != null) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }

    private static AppHostTest settings(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), AppHostTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException("AppHostExtension needs @AppHostTest on "
                        + context.getRequiredTestClass().getName() + "."));
    }
}
