#pragma once
// Actor: who is making a request, as far as the policy needs to know.
// Until login exists every request is anonymous; later issues add guardians,
// children, employees and administrators here, never anywhere else.
namespace stafett::policy {

enum class ActorKind {
  kAnonymous,
};

struct Actor {
  ActorKind kind = ActorKind::kAnonymous;
};

}  // namespace stafett::policy
