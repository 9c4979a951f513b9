#pragma once
// PKCE (RFC 7636) with S256, used on every login: the code_verifier stays on
// our server, only its SHA-256 (the code_challenge) goes through the browser,
// so a stolen authorization code is worthless without the verifier.
// Thread-safety: pure functions (OpenSSL's RAND_bytes is thread-safe).
#include <string>
#include <string_view>

namespace stafett::auth {

// 43 characters of base64url from 32 random bytes (RFC 7636 §4.1).
// Throws std::runtime_error if the random generator fails.
std::string make_code_verifier();

// BASE64URL(SHA256(verifier)), the S256 code_challenge (RFC 7636 §4.2).
std::string code_challenge_s256(std::string_view verifier);

// 32 random bytes as base64url: for state, nonce and assertion ids (256 bits).
std::string random_token();

}  // namespace stafett::auth
