package vn.hanoi.gdnn.security;

import java.util.Optional;

/**
 * The deliverable a stored document belongs to, as the root process instance of its lifecycle (implemented by
 * the document feature), so that {@link DocumentAccess} decides who downloads it without depending on it.
 */
public interface DocumentOwners {

  /** Empty when there is no document with this id. */
  Optional<String> rootProcessInstanceOf(String documentId);
}
