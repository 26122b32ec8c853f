package org.inkmath.server;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.inkmath.recognizer.Recognizer;

/**
 * The local recognition server: {@code POST /api/recognize}, {@code GET /api/render},
 * {@code GET /health} and the web ink pad at {@code /}, over Jetty's core Handler API. It uses
 * the recognizer it is given but does not own it. Example:
 * <pre>{@code
 * try (Recognizer r = Recognizer.load(Path.of("model.safetensors"));
 *      InkServer server = InkServer.start(r, ServerSettings.defaults().withPort(0))) {
 *     System.out.println("listening on " + server.uri());
 *     server.join();
 * }
 * }</pre>
 */
public final class InkServer implements AutoCloseable {

    private final Server jetty;
    private final ApiHandler handler;
    private final ServerConnector connector;

    private InkServer(Server jetty, ApiHandler handler, ServerConnector connector) {
        this.jetty = jetty;
        this.handler = handler;
        this.connector = connector;
    }

    /**
     * Starts listening.
     *
     * @throws java.io.IOException if the address cannot be bound (port in use, say)
     */
    public static InkServer start(Recognizer recognizer, ServerSettings settings) throws java.io.IOException {
        // threads for connections only: the heavy work runs on the handler's bounded queues
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("inkmath-http");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // a client that stops sending or reading is dropped instead of holding a thread
        connector.setIdleTimeout(Math.min(settings.requestTimeout().toMillis(), TimeUnit.SECONDS.toMillis(30)));
        jetty.addConnector(connector);
        ApiHandler handler = new ApiHandler(recognizer, settings);
        jetty.setHandler(handler);
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setStopTimeout(2_000);
        try {
            jetty.start();
        } catch (java.io.IOException e) {
            stopQuietly(jetty, handler);
            throw new java.io.IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        } catch (Exception e) {
            stopQuietly(jetty, handler);
            throw new java.io.IOException("cannot start the server: " + e.getMessage(), e);
        }
        return new InkServer(jetty, handler, connector);
    }

    private static void stopQuietly(Server jetty, ApiHandler handler) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // nothing started that needs stopping more
        }
        handler.close();
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base address, e.g. {@code http://127.0.0.1:8765/}. */
    public URI uri() {
        String host = connector.getHost();
        if (host == null || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        stopQuietly(jetty, handler);
    }
}
