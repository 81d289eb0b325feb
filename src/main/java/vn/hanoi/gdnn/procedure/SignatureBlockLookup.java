package vn.hanoi.gdnn.procedure;

import java.util.Optional;

/**
 * Where the issuance step finds the signature block of a document a deputy signed during the head's absence (ký
 * thay): the delegation feature's ({@code delegation.SignatureBlocks}). A procedure needs only the answer.
 */
public interface SignatureBlockLookup {

  /** No delegation data (an engine without the delegation feature, e.g. the procedures' own tests). */
  SignatureBlockLookup NONE = new SignatureBlockLookup() {
    @Override
    public Optional<String> blockFor(String rootProcessInstanceId, String issuingUnit) {
      return Optional.empty();
    }

    @Override
    public Optional<String> blockRecordedBy(String rootProcessInstanceId, String recordingUnit) {
      return Optional.empty();
    }
  };

  /** The block, lines joined by " / ", of the deliverable's latest ký thay for a leader of {@code issuingUnit}. */
  Optional<String> blockFor(String rootProcessInstanceId, String issuingUnit);

  /**
   * The block a step given to {@code recordingUnit} will record: that unit's or, as it may record for a body it
   * belongs to (the UBND office for the UBND), that body's latest ký thay.
   */
  Optional<String> blockRecordedBy(String rootProcessInstanceId, String recordingUnit);
}
