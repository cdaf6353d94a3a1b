package dev.apphost.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows a container's output as lines per stream ({@link ContainerEngine#followLogs}). The
 * follow runs on docker-java's own streaming thread and ends by itself when the container stops.
 */
final class DockerLogFollow {
    private DockerLogFollow() {
    }

    static LogFollow start(DockerClient client, EngineCallGuard guard, String containerId, LogLineConsumer consumer) {
        LogLineSplitter splitter = new LogLineSplitter(consumer);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong framesSeen = new AtomicLong();
        AtomicBoolean closedByUs = new AtomicBoolean();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                framesSeen.incrementAndGet();
                feed(splitter, frame);
            }

            @Override
            public void onError(Throwable error) {
                finish();
            }

            @Override
            public void onComplete() {
                if (!closedByUs.get()) {
                    catchUp(client, guard, containerId, splitter, framesSeen.get());
                }
                finish();
            }

            private void finish() {
                synchronized (splitter) {
                    splitter.flush();
                }
                done.countDown();
            }
        };
        // exec(callback) only starts a streaming thread; it does not block on the daemon.
        client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true).exec(callback);
        return new LogFollow() {
            @Override
            public boolean awaitCompletion(Duration timeout) throws InterruptedException {
                return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {
                closedByUs.set(true);
                try {
                    callback.close();
                } catch (IOException ignored) {
                    // closing a stream we no longer need
                }
                synchronized (splitter) {
                    splitter.flush();
                }
            }
        };
    }

    private static void feed(LogLineSplitter splitter, Frame frame) {
        synchronized (splitter) {
            splitter.accept(frame.getStreamType() == StreamType.STDERR ? LogStream.STDERR : LogStream.STDOUT, frame.getPayload());
        }
    }

    /**
     * Docker 20.10 ends a follow when the container stops, and the last output written just before
     * exit (an unterminated line flushed at close) can miss the follower: re-read the log without
     * follow and deliver the frames after the ones already seen (one frame per log entry, same order).
     */
    private static void catchUp(DockerClient client, EngineCallGuard guard, String containerId, LogLineSplitter splitter,
                                long alreadySeen) {
        AtomicLong index = new AtomicLong();
        try {
            guard.run("read remaining logs of " + containerId, DockerJavaContainerEngine.QUICK_CALL, () -> {
                try {
                    client.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                            .exec(new ResultCallback.Adapter<Frame>() {
                                @Override
                                public void onNext(Frame frame) {
                                    if (index.incrementAndGet() > alreadySeen) {
                                        feed(splitter, frame);
                                    }
                                }
                            }).awaitCompletion();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (NotFoundException gone) {
                    // removed meanwhile: nothing more to read
                }
            });
        } catch (ContainerEngineException ignored) {
            // best effort: the follow itself has delivered everything else
        }
    }
}
