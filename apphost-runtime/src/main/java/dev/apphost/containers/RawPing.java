package dev.apphost.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code GET /_ping} (and {@link #get small GETs}) over a plain JDK socket with a real deadline,
 * before any docker-java class is loaded. Why not docker-java's ping: on a busy 2-core machine the first docker-java call spends
 * seconds loading classes, so a 3 s deadline around it flags a healthy daemon as hung; and
 * docker-java's unix transport ignores read timeouts. Here the deadline measures the daemon only.
 */
final class RawPing {
    private static final byte[] REQUEST = request("/_ping");

    /** Thrown when the engine accepted the connection but did not answer in time. */
    static final class NoAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        NoAnswerException() {
            super("no answer");
        }
    }

    private RawPing() {
    }

    private static byte[] request(String target) {
        return ("GET " + target + " HTTP/1.0\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Returns the HTTP status line of the engine's answer. */
    static String ping(URI engine, Duration timeout) throws IOException {
        return statusLine(exchange(engine, REQUEST, false, timeout));
    }

    /**
     * {@code GET target} (path and query, already encoded); returns the whole answer, status line and
     * headers included (HTTP/1.0: the engine closes the connection after it, no chunks).
     */
    static String get(URI engine, String target, Duration timeout) throws IOException {
        String answer = exchange(engine, request(target), true, timeout);
        statusLine(answer);
        return answer;
    }

    private static String exchange(URI engine, byte[] request, boolean untilEnd, Duration timeout) throws IOException {
        if ("unix".equals(engine.getScheme())) {
            return exchangeUnix(Path.of(engine.getPath()), request, untilEnd, timeout);
        }
        return exchangeTcp(engine.getHost(), engine.getPort(), request, untilEnd, timeout);
    }

    private static String exchangeUnix(Path socket, byte[] requestBytes, boolean untilEnd, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            // Non-blocking throughout: even connect can block when a hung daemon's backlog is full.
            channel.configureBlocking(false);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (selector.select(left) == 0 || !channel.finishConnect()) {
                    throw new NoAnswerException();
                }
                selector.selectedKeys().clear();
            }
            ByteBuffer request = ByteBuffer.wrap(requestBytes);
            while (request.hasRemaining()) {
                if (channel.write(request) == 0 && System.nanoTime() >= deadline) {
                    throw new NoAnswerException();
                }
            }
            channel.register(selector, SelectionKey.OP_READ);
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline) {
                    throw new NoAnswerException();
                }
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
                if (read < 0 || !untilEnd && answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n")) {
                    return answer.toString(StandardCharsets.UTF_8);
                }
            }
        }
    }

    private static String exchangeTcp(String host, int port, byte[] request, boolean untilEnd, Duration timeout)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, read);
                    if (!untilEnd && answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new NoAnswerException();
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String statusLine(String text) throws IOException {
        int end = text.indexOf("\r\n");
        String line = end < 0 ? text : text.substring(0, end);
        if (!line.startsWith("HTTP/")) {
            throw new IOException("not a container engine (answered '" + line.strip() + "')");
        }
        return line;
    }
}
