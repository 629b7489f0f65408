package org.adaldyq.risk.analysis;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** Default implementation of {@link SurfaceAttribute} (found by Lucene by its name). */
public final class SurfaceAttributeImpl extends AttributeImpl implements SurfaceAttribute {
    private String surface;
    private String stem;

    @Override
    public String surface() {
        return surface;
    }

    @Override
    public String stem() {
        return stem;
    }

    @Override
    public void setForms(String surface, String stem) {
        this.surface = surface;
        this.stem = stem;
    }

    @Override
    public void clear() {
        surface = null;
        stem = null;
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
        reflector.reflect(SurfaceAttribute.class, "surface", surface);
        reflector.reflect(SurfaceAttribute.class, "stem", stem);
    }

    @Override
    public void copyTo(AttributeImpl target) {
        ((SurfaceAttribute) target).setForms(surface, stem);
    }
}
