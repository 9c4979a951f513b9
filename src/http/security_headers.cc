#include "http/security_headers.h"

namespace stafett::http {

std::string content_security_policy(const std::vector<std::string>& form_action_origins) {
  std::string policy = kContentSecurityPolicy;
  std::string extra;
  for (const auto& origin : form_action_origins) extra += " " + origin;
  const std::string self = "form-action 'self'";
  const auto at = policy.find(self);
  if (at != std::string::npos) policy.insert(at + self.size(), extra);
  return policy;
}

std::string with_frame_ancestors(std::string policy, const std::vector<std::string>& origins) {
  const std::string none = "frame-ancestors 'none'";
  std::string allowed = "frame-ancestors";
  for (const auto& origin : origins) allowed += " " + origin;
  if (const auto at = policy.find(none); at != std::string::npos && !origins.empty()) {
    policy.replace(at, none.size(), allowed);
  }
  return policy;
}

void add_security_headers(Headers& headers, CachePolicy cache, std::string_view content_security_policy,
                          bool framing_allowed) {
  headers.emplace_back("Content-Security-Policy", std::string(content_security_policy));
  headers.emplace_back("X-Content-Type-Options", "nosniff");
  headers.emplace_back("Referrer-Policy", "no-referrer");
  if (!framing_allowed) headers.emplace_back("X-Frame-Options", "DENY");
  headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  headers.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
  headers.emplace_back("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  switch (cache) {
    case CachePolicy::kNoStore: headers.emplace_back("Cache-Control", "no-store"); break;
    case CachePolicy::kRevalidate: headers.emplace_back("Cache-Control", "no-cache"); break;
    case CachePolicy::kImmutable:
      headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
      break;
  }
}

}  // namespace stafett::http
