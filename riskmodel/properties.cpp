#include "riskmodel/properties.h"

#include <algorithm>
#include <array>
#include <string>

namespace vakt::risk {

namespace {

using namespace std::string_view_literals;

constexpr std::array kTechnology{"web-application"sv, "api"sv, "batch"sv, "message-queue"sv, "database"sv,
                                 "file-storage"sv, "object-storage"sv, "identity-provider"sv, "gateway"sv,
                                 "reverse-proxy"sv, "waf"sv, "browser"sv, "mobile-app"sv, "fagsystem"sv, "email"sv,
                                 "print-service"sv, "monitoring"sv, "ci-cd"sv, "vault"sv, "cache"sv, "search-index"sv,
                                 "directory"sv, "other"sv};
constexpr std::array kAuthentication{"none"sv, "password"sv, "shared-secret"sv, "api-key"sv, "certificate"sv,
                                     "oauth2"sv, "oidc"sv, "idporten"sv, "maskinporten"sv, "mtls"sv, "saml"sv,
                                     "kerberos"sv};
constexpr std::array kAuthorization{"none"sv, "role-based"sv, "tenant-based"sv, "attribute-based"sv};
constexpr std::array kTenantIsolation{"none"sv, "logical"sv, "physical"sv};
constexpr std::array kPatching{"none"sv, "manual"sv, "managed"sv, "automatic"sv};
constexpr std::array kSecretsStorage{"vault"sv, "environment"sv, "config-file"sv, "source-code"sv};
constexpr std::array kLocation{"norway"sv, "eu-eea"sv, "third-country"sv};
constexpr std::array kProtocol{"https"sv, "http"sv, "sftp"sv, "ftp"sv, "smtp"sv, "smtps"sv, "amqp"sv, "amqps"sv,
                               "jdbc"sv, "jdbc-tls"sv, "ldap"sv, "ldaps"sv, "grpc"sv, "grpc-tls"sv, "ssh"sv,
                               "rdp"sv, "local"sv, "other"sv};
constexpr std::array kConfidentiality{"public"sv, "internal"sv, "personal"sv, "special"sv, "strengt-fortrolig"sv};
constexpr std::array kRating{"low"sv, "medium"sv, "high"sv, "critical"sv};
constexpr std::array kKind{"external"sv, "process"sv, "store"sv, "flow"sv};

constexpr PropertySpec element(std::string_view name) { return {name, ValueType::Bool, {}, false, true, false, false}; }
constexpr PropertySpec flow(std::string_view name) { return {name, ValueType::Bool, {}, false, false, true, false}; }
template <std::size_t N>
constexpr PropertySpec choice(std::string_view name, const std::array<std::string_view, N>& values, bool ordered,
                              bool onElements, bool onFlows) {
    return {name, ValueType::Choice, values, ordered, onElements, onFlows, false};
}
template <std::size_t N>
constexpr PropertySpec derivedChoice(std::string_view name, const std::array<std::string_view, N>& values, bool ordered) {
    return {name, ValueType::Choice, values, ordered, true, true, true};
}

const std::array kSpecs{
    choice("technology", kTechnology, false, true, false),
    element("internet_facing"),
    choice("authentication", kAuthentication, false, true, true),
    element("mfa"),
    choice("authorization", kAuthorization, false, true, false),
    element("audit_logging"),
    element("logs_personal_data"),
    element("monitoring"),
    element("input_validation"),
    element("parameterised_queries"),
    element("file_upload"),
    element("malware_scanning"),
    element("parses_xml"),
    element("xml_external_entities_disabled"),
    element("multi_tenant"),
    choice("tenant_isolation", kTenantIsolation, true, true, false),
    element("encryption_at_rest"),
    element("backup"),
    element("backup_tested"),
    element("backup_offline"),
    element("redundant"),
    element("rate_limiting"),
    choice("patching", kPatching, true, true, false),
    element("out_of_support"),
    element("runs_privileged"),
    choice("secrets_storage", kSecretsStorage, false, true, false),
    element("admin_interface_exposed"),
    element("data_retention"),
    choice("location", kLocation, false, true, false),
    element("data_processing_agreement"),
    PropertySpec{"operated_by", ValueType::Text, {}, false, true, false, false},
    PropertySpec{"vendor", ValueType::Text, {}, false, true, false, false},
    element("custom_developed"),
    element("dependency_scanning"),
    element("security_headers"),
    element("csrf_protection"),
    element("session_timeout"),
    element("signs_output"),
    element("human"),
    choice("protocol", kProtocol, false, false, true),
    flow("encrypted"),
    flow("tls_verified"),
    flow("signed"),
    flow("end_to_end_encrypted"),
    flow("replay_protection"),
    flow("vpn"),
    flow("interactive"),
    flow("admin"),
    derivedChoice("confidentiality", kConfidentiality, true),
    derivedChoice("integrity", kRating, true),
    derivedChoice("availability", kRating, true),
    PropertySpec{"untrusted", ValueType::Bool, {}, false, true, false, true},
    PropertySpec{"crosses_boundary", ValueType::Bool, {}, false, false, true, true},
    PropertySpec{"crosses_organisation", ValueType::Bool, {}, false, false, true, true},
    derivedChoice("kind", kKind, false),
};

}  // namespace

std::span<const PropertySpec> propertySpecs() { return kSpecs; }

const PropertySpec* findProperty(std::string_view name) {
    const auto it = std::find_if(kSpecs.begin(), kSpecs.end(), [&](const PropertySpec& s) { return s.name == name; });
    return it == kSpecs.end() ? nullptr : &*it;
}

bool appliesTo(const PropertySpec& spec, ElementKind kind) {
    return kind == ElementKind::Flow ? spec.onFlows : spec.onElements;
}

int choiceRank(const PropertySpec& spec, std::string_view value) {
    const auto it = std::find(spec.choices.begin(), spec.choices.end(), value);
    return it == spec.choices.end() ? -1 : static_cast<int>(it - spec.choices.begin());
}

Status checkValue(const PropertySpec& spec, std::string_view value) {
    switch (spec.type) {
        case ValueType::Bool:
            if (value == "true" || value == "false") return {};
            return fail("expected true or false, not '" + std::string(value) + "'");
        case ValueType::Text:
            if (!value.empty()) return {};
            return fail("expected a text value");
        case ValueType::Choice: {
            if (choiceRank(spec, value) >= 0) return {};
            std::string list;
            for (const auto c : spec.choices) list += (list.empty() ? "" : ", ") + std::string(c);
            return fail("'" + std::string(value) + "' is not one of " + list);
        }
    }
    return fail("unknown property type", ErrorKind::Internal);
}

}  // namespace vakt::risk
