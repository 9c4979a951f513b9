#include "auth/token_defect.h"

#include <stdexcept>
#include <string>

namespace stafett::auth {

std::string_view token_defect_name(TokenDefect defect) {
  switch (defect) {
    case TokenDefect::kIncompleteExpectations: return "incomplete_expectations";
    case TokenDefect::kTooLarge: return "too_large";
    case TokenDefect::kMalformedStructure: return "malformed_structure";
    case TokenDefect::kMalformedBase64: return "malformed_base64url";
    case TokenDefect::kMalformedJson: return "malformed_json";
    case TokenDefect::kDuplicateJsonKey: return "duplicate_json_key";
    case TokenDefect::kAlgorithmNotAllowed: return "algorithm_not_allowed";
    case TokenDefect::kForbiddenHeader: return "forbidden_header";
    case TokenDefect::kUnexpectedType: return "unexpected_type";
    case TokenDefect::kMissingKeyId: return "missing_kid";
    case TokenDefect::kUnknownKeyId: return "unknown_kid";
    case TokenDefect::kKeyDoesNotFitAlgorithm: return "key_does_not_fit_algorithm";
    case TokenDefect::kBadSignatureLength: return "bad_signature_length";
    case TokenDefect::kBadSignature: return "bad_signature";
    case TokenDefect::kMalformedClaim: return "malformed_claim";
    case TokenDefect::kIssuerMismatch: return "issuer_mismatch";
    case TokenDefect::kAudienceMismatch: return "audience_mismatch";
    case TokenDefect::kAuthorizedPartyMissing: return "azp_missing";
    case TokenDefect::kAuthorizedPartyMismatch: return "azp_mismatch";
    case TokenDefect::kExpiryMissing: return "exp_missing";
    case TokenDefect::kExpired: return "expired";
    case TokenDefect::kIssuedAtMissing: return "iat_missing";
    case TokenDefect::kIssuedInFuture: return "issued_in_future";
    case TokenDefect::kNotYetValid: return "not_yet_valid";
    case TokenDefect::kNonceMissing: return "nonce_missing";
    case TokenDefect::kNonceMismatch: return "nonce_mismatch";
    case TokenDefect::kAcrMissing: return "acr_missing";
    case TokenDefect::kAcrNotAccepted: return "acr_not_accepted";
    case TokenDefect::kSubjectMissing: return "sub_missing";
    case TokenDefect::kAuthTimeMissing: return "auth_time_missing";
    case TokenDefect::kAuthenticationTooOld: return "authentication_too_old";
  }
  return "unknown_defect";
}

void throw_exception_from_error(const TokenDefect& defect, const boost::source_location&) {
  throw std::runtime_error("id_token refused: " + std::string(token_defect_name(defect)));
}

}  // namespace stafett::auth
