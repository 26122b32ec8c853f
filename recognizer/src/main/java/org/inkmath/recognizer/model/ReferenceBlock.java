package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A block whose parameters carry the names of the reference PyTorch implementation
 * ({@code conv1.weight}, {@code bn1.running_mean}, ...), so that weights can be saved and loaded by
 * those names ({@link #referenceParameters()}). Every parameter has a fixed shape from the
 * configuration, so a block initialises without sample inputs.
 */
abstract class ReferenceBlock extends AbstractBlock {

    private final Map<String, Parameter> namedParameters = new LinkedHashMap<>();
    private final Map<String, ReferenceBlock> namedChildren = new LinkedHashMap<>();

    /** Adds a parameter under its reference name (the last part, e.g. {@code weight}). */
    protected final Parameter parameter(String name, Parameter.Type type, Initializer init, long... shape) {
        boolean trainable = type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR;
        Parameter p = addParameter(Parameter.builder()
                .setName(name)
                .setType(type)
                .optShape(new Shape(shape))
                .optInitializer(init)
                .optRequiresGrad(trainable)
                .build());
        namedParameters.put(name, p);
        return p;
    }

    /** Adds a child block under its reference name (e.g. {@code dense1.3}). */
    protected final <B extends ReferenceBlock> B child(String name, B block) {
        addChildBlock(name.replace('.', '_'), block);
        namedChildren.put(name, block);
        return block;
    }

    /** Every parameter of this block and its children, by full reference name, in reference order. */
    final Map<String, Parameter> referenceParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Parameter> out) {
        namedParameters.forEach((name, p) -> out.put(prefix + name, p));
        namedChildren.forEach((name, block) -> block.collect(prefix + name + ".", out));
    }

    /** The number of trainable values (running statistics excluded, as PyTorch counts them). */
    final long trainableCount() {
        return referenceParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getShape().size())
                .sum();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // Shapes are fixed by the configuration, so children need no input shapes of their own.
        for (ReferenceBlock block : namedChildren.values()) {
            block.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " is used through its owner's forward; its output shape depends on its inputs' values");
    }

    /**
     * The class, the reference names of the children and the trainable values. DJL's own
     * description asks every child for output shapes, which these blocks cannot give without inputs.
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + namedChildren.keySet() + " (" + trainableCount() + " trainable values)";
    }

    /** The value of a parameter for this forward pass. */
    protected static NDArray value(ParameterStore store, Parameter p, NDArray onDeviceOf, boolean training) {
        return store.getValue(p, onDeviceOf.getDevice(), training);
    }
}
