package org.heard.triage.analysis;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 384-dimension sentence vectors from the quantised all-MiniLM-L6-v2 model, run in-process by ONNX
 * Runtime (weights and native library come inside the jars; nothing is downloaded). The model costs
 * some 100 MB and a second or two to load, so it is loaded on first use, once per application, and
 * never by an application that does not read with it. About 4.5 ms a sentence on one core: too slow for
 * the inbound hot path at storm rates, fine a moment after it (ADR 0015).
 */
@Component
public final class SentenceVectors {

    private static final Logger log = LoggerFactory.getLogger(SentenceVectors.class);

    private volatile @Nullable EmbeddingModel model;

    /** One sentence's vector. */
    public float[] of(String text) {
        return model().embed(text).content().vector();
    }

    /** The vectors of several sentences, in their order: ONNX Runtime reads a batch faster than one by one. */
    public List<float[]> of(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        var segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream()
                .map(embedding -> embedding.vector())
                .toList();
    }

    private EmbeddingModel model() {
        var loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    long started = System.nanoTime();
                    loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    model = loaded;
                    log.info("Loaded the sentence model in {} ms", (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return loaded;
    }
}
