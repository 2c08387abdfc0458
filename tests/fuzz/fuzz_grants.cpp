// libFuzzer target: grant exports (CSV and JSON) and segregation-of-duties rules come from other
// systems and from hand-edited files. The readers must never crash, hang or allocate without
// bound; every problem names a line; a file without problems gives grants the rest of the
// library can trust, and the revocation files written from them read back.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "access/access_model.h"
#include "core/base/csv.h"
#include "core/base/json.h"
#include "core/base/norway.h"

using namespace vakt::access;

namespace {

const char* kRules = R"(rules:
  - id: admin-and-register
    conflicting:
      - {privilege: admin}
      - {privilege: folkeregister_role, confidential: true}
  - id: send-and-receive
    same_organisation: false
    conflicting:
      - {privilege: privilege, detail: "send:*"}
      - {privilege: privilege, detail: "mottak:*"}
)";

void checkGrants(const GrantFile& file) {
    for (const auto& p : file.problems)
        if (p.line <= 0) __builtin_trap();
    // With problems the file is refused whole, so only a clean file's grants must hold up.
    if (!file.problems.empty()) return;
    std::unordered_set<std::string> keys;
    for (const Grant& g : file.grants) {
        if (!Privilege::valid(g.privilege) || g.orgnr.empty() || !vakt::norway::isValidOrgnr(g.orgnr)) __builtin_trap();
        const bool named = g.holderType == "person" ? !g.holderEmail.empty() : (g.holderType == "integration" && !g.holderId.empty());
        if (!named) __builtin_trap();
        if (!std::is_sorted(g.scopes.begin(), g.scopes.end())) __builtin_trap();
        if (!keys.insert(grantKey(g)).second) __builtin_trap();
    }

    static const auto rules = parseSodRules(kRules);
    if (!rules) __builtin_trap();
    const auto flags = flagGrants(file.grants, {}, *rules, 1'772'323'200'000);
    if (flags.size() != file.grants.size()) __builtin_trap();
    for (const FlaggedGrant& f : flags)
        if (f.peersHolding > f.peerCount || f.peersHolding < 0) __builtin_trap();

    const GrantDiff same = diffGrants(file.grants, file.grants);
    if (!same.added.empty() || !same.removed.empty() || !same.changed.empty() || same.unchanged != file.grants.size()) __builtin_trap();
    if (!selectForCampaign(file.grants, {}, Scope{}, Mode::Differential, file.grants).empty()) __builtin_trap();

    std::vector<Revocation> revocations;
    for (const Grant& g : file.grants) {
        Revocation r;
        r.action = "revoke";
        r.grant = g;
        revocations.push_back(std::move(r));
    }
    const RevocationCheck stillThere = checkRevocations(revocations, file.grants);
    if (!stillThere.effective.empty() || stillThere.notEffective.size() != revocations.size()) __builtin_trap();
    const auto written = vakt::json::parse(revocationsJson(revocations));
    if (!written || written->find("revocations") == nullptr || written->find("revocations")->items.size() != revocations.size())
        __builtin_trap();
    for (const auto& item : written->find("revocations")->items)
        if (item.find("holder_id") != nullptr) __builtin_trap();
    const auto table = vakt::csv::parse(revocationsCsv(revocations));
    if (!table || table->size() != revocations.size() + 1) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkGrants(parseGrants(text));
    checkGrants(parseGrantsCsv(text));
    if (const auto rules = parseSodRules(text)) {
        std::unordered_set<std::string> ids;
        for (const SodRule& rule : *rules) {
            if (rule.id.empty() || !ids.insert(rule.id).second || rule.conflicting.size() < 2) __builtin_trap();
            for (const SodSide& side : rule.conflicting)
                if (!side.privilege && !side.service && !side.detail && !side.serviceArea && !side.confidential) __builtin_trap();
        }
    } else if (rules.message().rfind("line ", 0) != 0) {
        __builtin_trap();
    }
    return 0;
}
