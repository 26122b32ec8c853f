/**
 * The local recognition server and the web ink pad: {@link org.inkmath.server.InkServer} over
 * Jetty's core Handler API, configured by {@link org.inkmath.server.ServerSettings}. Endpoints:
 * {@code POST /api/recognize}, {@code GET /api/render}, {@code GET /health}, and the pad at
 * {@code /} (plain HTML, CSS and JavaScript from this jar). Started by {@code inkmath serve}.
 * <pre>{@code
 * try (Recognizer r = Recognizer.load(Path.of("model.safetensors"));
 *      InkServer server = InkServer.start(r, ServerSettings.defaults())) {
 *     server.join();
 * }
 * }</pre>
 */
package org.inkmath.server;
