package dev.orderflow.cloud.internal.template;

/** The template uses something the loader cannot resolve locally. */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
