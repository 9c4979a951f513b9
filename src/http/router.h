#pragma once
// Router<Target>: matches a method and decoded path segments against patterns
// such as "/logger/{id}" or "/static/{*path}" and returns the registered
// target with its path parameters. Generic: it knows nothing of what a target
// is (the web layer stores its route descriptions here).
//
// Matching: the route with the most literal segments wins, so "/a/new" beats
// "/a/{id}". HEAD matches GET routes. A path that matches only under other
// methods gives MethodNotAllowed with the Allow header value.
// Thread-safety: build once at start-up, then read-only and safe to share.
#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "http/method.h"

namespace stafett::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

template <class Target>
class Router {
 public:
  struct Match {
    const Target* target;
    std::string_view pattern;
    PathParams params;
  };
  struct NotFound {};
  struct MethodNotAllowed {
    std::string allow;  // e.g. "GET, HEAD"
  };
  using Outcome = std::variant<Match, NotFound, MethodNotAllowed>;

  // Throws std::invalid_argument on a malformed or duplicate pattern: routes
  // are registered at start-up, where failing loudly is right.
  void add(Method method, std::string pattern, Target target) {
    if (pattern.empty() || pattern.front() != '/') {
      throw std::invalid_argument("pattern must start with /: " + pattern);
    }
    Entry e{method, pattern, split(pattern), std::move(target), 0};
    for (std::size_t i = 0; i < e.parts.size(); ++i) {
      const std::string& p = e.parts[i];
      if (p.starts_with("{*") && i + 1 != e.parts.size()) throw std::invalid_argument("{*tail} must be last: " + e.pattern);
      if (!p.starts_with("{")) ++e.literals;
    }
    for (const Entry& other : entries_) {
      if (other.method == method && other.parts == e.parts) throw std::invalid_argument("duplicate route: " + e.pattern);
    }
    entries_.push_back(std::move(e));
  }

  Outcome match(Method method, const std::vector<std::string>& segments) const {
    const Method wanted = method == Method::kHead ? Method::kGet : method;
    const Entry* best = nullptr;
    PathParams best_params;
    std::vector<Method> allowed;
    for (const Entry& e : entries_) {
      PathParams params;
      if (!matches(e, segments, params)) continue;
      if (e.method != wanted && !(method == Method::kHead && e.method == Method::kHead)) {
        allowed.push_back(e.method);
        continue;
      }
      if (best == nullptr || e.literals > best->literals) {
        best = &e;
        best_params = std::move(params);
      }
    }
    if (best != nullptr) return Match{&best->target, best->pattern, std::move(best_params)};
    if (allowed.empty()) return NotFound{};
    return MethodNotAllowed{allow_header(allowed)};
  }

  // Every registered (method, pattern, target), for the route inventory.
  template <class F>
  void for_each(F&& f) const {
    for (const Entry& e : entries_) f(e.method, std::string_view(e.pattern), e.target);
  }

 private:
  struct Entry {
    Method method;
    std::string pattern;
    std::vector<std::string> parts;
    Target target;
    int literals;
  };

  static std::vector<std::string> split(std::string_view pattern) {
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= pattern.size() && pattern.size() > 1) {
      const auto slash = pattern.find('/', start);
      const auto end = slash == std::string_view::npos ? pattern.size() : slash;
      parts.emplace_back(pattern.substr(start, end - start));
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    return parts;
  }

  static bool matches(const Entry& e, const std::vector<std::string>& segments, PathParams& params) {
    std::size_t i = 0;
    for (; i < e.parts.size(); ++i) {
      const std::string& p = e.parts[i];
      if (p.starts_with("{*")) {
        if (i >= segments.size()) return false;
        std::string tail;
        for (std::size_t j = i; j < segments.size(); ++j) {
          if (segments[j].empty()) return false;
          if (j > i) tail += '/';
          tail += segments[j];
        }
        params.emplace(p.substr(2, p.size() - 3), std::move(tail));
        return true;
      }
      if (i >= segments.size()) return false;
      if (p.starts_with("{")) {
        if (segments[i].empty()) return false;
        params.emplace(p.substr(1, p.size() - 2), segments[i]);
      } else if (p != segments[i]) {
        return false;
      }
    }
    return i == segments.size();
  }

  static std::string allow_header(std::vector<Method> methods) {
    if (std::find(methods.begin(), methods.end(), Method::kGet) != methods.end()) {
      methods.push_back(Method::kHead);
    }
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
    std::string out;
    for (Method m : methods) {
      if (!out.empty()) out += ", ";
      out += method_name(m);
    }
    return out;
  }

  std::vector<Entry> entries_;
};

}  // namespace stafett::http
