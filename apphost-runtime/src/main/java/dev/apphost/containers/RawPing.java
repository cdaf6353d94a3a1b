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
 * {@code GET /_ping} over a plain JDK socket with a real deadline, before any docker-java class is
 * loaded. Why not docker-java's ping: on a busy 2-core machine the first docker-java call spends
 * seconds loading classes, so a 3 s deadline around it flags a healthy daemon as hung; and
 * docker-java's unix transport ignores read timeouts. Here the deadline measures the daemon only.
 */
final class RawPing {
    private static final byte[] REQUEST = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Thrown when the engine accepted the connection but did not answer in time. */
    static final class NoAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        NoAnswerException() {
            super("no answer");
        }
    }

    private RawPing() {
    }

    /** Returns the HTTP status line of the engine's answer. */
    static String ping(URI engine, Duration timeout) throws IOException {
        if ("unix".equals(engine.getScheme())) {
            return pingUnix(Path.of(engine.getPath()), timeout);
        }
        return pingTcp(engine.getHost(), engine.getPort(), timeout);
    }

    private static String pingUnix(Path socket, Duration timeout) throws IOException {
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
            ByteBuffer request = ByteBuffer.wrap(REQUEST);
            while (request.hasRemaining()) {
                if (channel.write(request) == 0 && System.nanoTime() >= deadline) {
                    throw new NoAnswerException();
                }
            }
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(256);
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline) {
                    throw new NoAnswerException();
                }
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
                if (text.contains("\r\n") || read < 0) {
                    return statusLine(text);
                }
            }
        }
    }

    private static String pingTcp(String host, int port, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256];
            int length = 0;
            try {
                int read;
                while (length < buffer.length && (read = in.read(buffer, length, buffer.length - length)) > 0) {
                    length += read;
                    if (new String(buffer, 0, length, StandardCharsets.ISO_8859_1).contains("\r\n")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new NoAnswerException();
            }
            return statusLine(new String(buffer, 0, length, StandardCharsets.ISO_8859_1));
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
