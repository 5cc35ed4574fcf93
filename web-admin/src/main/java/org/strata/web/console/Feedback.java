package org.strata.web.console;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a console action and reports its outcome as a Faces message: the reason of a refusal
 * (our validation's message), never a stack trace.
 */
final class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    /** An action that may fail. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private Feedback() {
    }

    /** Runs the action; adds {@code done} (unless null) as an info message, or the reason of the failure as an error. True when it succeeded. */
    static boolean run(String done, Action action) {
        try {
            action.run();
            if (done != null) {
                info(done);
            }
            return true;
        } catch (Exception e) {
            Throwable cause = rootCause(e);
            if (!(cause instanceof IllegalArgumentException) && !(cause instanceof IllegalStateException)) {
                LOG.log(Level.WARNING, "console action failed", e);
            }
            error(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            return false;
        }
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** The exception our validation threw, unwrapped from the container's EJBException. */
    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t instanceof EJBException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
