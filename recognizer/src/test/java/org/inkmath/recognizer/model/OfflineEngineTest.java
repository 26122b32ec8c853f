package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The engine starts and a model runs without the network: every URL connection the JVM opens
 * asks the default proxy selector first, and this one records them all.
 */
class OfflineEngineTest {

    @Test
    void creatingAndRunningAModelOpensNoConnection() {
        List<URI> attempts = new CopyOnWriteArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 3)) {
            ImageBatch one = TinyModels.batch(20, 20, new float[][] {new float[400]}, new int[][] {{20, 20}});
            float[][][] lp = model.logProbabilities(one, new int[][] {{Vocabulary.SOS}});
            assertEquals(Vocabulary.crohme().size(), lp[0][0].length);
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertTrue(attempts.isEmpty(), "network use: " + attempts);
    }
}
