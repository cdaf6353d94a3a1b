package dev.apphost.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Aspire's browser-token login: the AppHost prints {@code <url>/login?t=<token>}; opening it sets a
 * cookie holding the token, which every later request carries. API clients may send
 * {@code Authorization: Bearer <token>} instead. {@link #unsecured()} lets everyone in.
 */
public final class DashboardAuth {

    static final String COOKIE = "apphost-dashboard";
    private final String token;

    private DashboardAuth(String token) {
        this.token = token;
    }

    public static DashboardAuth withToken(String token) {
        return new DashboardAuth(token);
    }

    /** {@code --Dashboard:Unsecured=true}. */
    public static DashboardAuth unsecured() {
        return new DashboardAuth(null);
    }

    /** 32 random bytes as hex. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The token, or {@code null} when unsecured. */
    public String token() {
        return token;
    }

    boolean matches(String candidate) {
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    String cookie() {
        return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    boolean allows(HttpExchange ex) {
        if (token == null) {
            return true;
        }
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ") && matches(authorization.substring(7).trim())) {
            return true;
        }
        List<String> cookies = ex.getRequestHeaders().get("Cookie");
        if (cookies != null) {
            for (String header : cookies) {
                for (String cookie : header.split(";")) {
                    String c = cookie.trim();
                    if (c.startsWith(COOKIE + "=") && matches(c.substring(COOKIE.length() + 1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
