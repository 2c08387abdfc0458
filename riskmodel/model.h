#pragma once
// A service's threat model (docs/threat-models.md): data assets with their ratings, trust
// boundaries that nest and belong to organisations, external entities, processes, stores and the
// flows between them. Plain data with the source line of everything, so later checks and
// reports can name file:line. No I/O: parsers take the text and the file's name.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace vakt::risk {

enum class ElementKind { External, Process, Store, Flow };
enum class BoundaryKind { Internet, Organisation, Network, Cloud, Zone };

// public < internal < personal < special < strengt-fortrolig
enum class Confidentiality { Public, Internal, Personal, Special, StrengtFortrolig };
// low < medium < high < critical (integrity and availability)
enum class Rating { Low, Medium, High, Critical };

const char* kindName(ElementKind kind);             // "external", "process", "store", "flow"
std::optional<ElementKind> parseKind(std::string_view name);
const char* boundaryKindName(BoundaryKind kind);
std::optional<BoundaryKind> parseBoundaryKind(std::string_view name);
const char* confidentialityName(Confidentiality c);  // "public" … "strengt-fortrolig"
std::optional<Confidentiality> parseConfidentiality(std::string_view name);
const char* ratingName(Rating r);                    // "low" … "critical"
std::optional<Rating> parseRating(std::string_view name);

// Property values are kept as text ("true"/"false" for booleans), checked against the property
// table (riskmodel/properties.h) when the model is validated.
using Properties = std::map<std::string, std::string, std::less<>>;

struct Asset {
    std::string id;
    std::string title;
    std::optional<Confidentiality> confidentiality;
    std::optional<Rating> integrity;
    std::optional<Rating> availability;
    std::vector<std::string> aliases;
    int line = 0;
};

struct Boundary {
    std::string id;
    std::string title;
    BoundaryKind kind = BoundaryKind::Zone;
    std::string organisation;  // key of the responsible organisation, may be empty
    std::string parent;        // enclosing boundary's id, may be empty
    std::vector<std::string> aliases;
    int line = 0;
    int parentLine = 0;
};

// An external entity, process, store or flow. Flows use from/to; the others boundary.
struct Element {
    std::string id;
    std::string title;
    ElementKind kind = ElementKind::Process;
    std::string boundary;
    std::string from;
    std::string to;
    std::vector<std::string> data;  // asset ids
    std::vector<std::string> aliases;
    Properties properties;
    int line = 0;
    // Line of each property's value and of the fields that refer to others (boundary, from, to,
    // data), so an error points at the value itself.
    std::map<std::string, int, std::less<>> propertyLines;
    std::map<std::string, int, std::less<>> fieldLines;
    int lineOf(std::string_view field) const;
};

// Who uses a service, as the municipal ROS template groups its stories.
enum class PersonaKind { Citizen, Caseworker, Administrator, Integration, Vendor, PlatformOperator };
const char* personaKindName(PersonaKind kind);  // "citizen" … "platform-operator"
std::optional<PersonaKind> parsePersonaKind(std::string_view name);

struct Persona {
    std::string id;
    std::string title;
    PersonaKind kind = PersonaKind::Citizen;
    std::string description;
    int line = 0;
};

// What an attacker, a mistake or a failure does against a user story. It names the threats
// (RULE/ELEMENT, as analysis raises them) and register risks (refs) it is about, so the template
// shows their levels and measures.
struct RiskStory {
    std::string id;
    std::string text;
    std::vector<std::string> threats;
    std::vector<std::string> risks;
    int line = 0;
};

struct UserStory {
    std::string id;
    std::string persona;  // a persona's id
    std::string text;     // "Som innbygger vil jeg …, slik at …"
    std::vector<std::string> elements;  // the elements and flows the story goes through
    std::vector<RiskStory> riskStories;
    int line = 0;
};

struct Model {
    std::string fileName;
    std::string id;
    std::string title;
    std::string service;  // catalogue key, may be empty
    std::string description;
    std::vector<Asset> assets;
    std::vector<Boundary> boundaries;
    std::vector<Element> elements;  // external, process, store
    std::vector<Element> flows;
    std::vector<Persona> personas;
    std::vector<UserStory> stories;

    const Element* findElement(std::string_view id) const;  // elements and flows, by id only
    const Boundary* findBoundary(std::string_view id) const;
    const Asset* findAsset(std::string_view id) const;
};

// Checks what the format promises (docs/threat-models.md): ids well-formed and unique, every
// reference known, boundaries without cycles, properties known for the kind and of the right
// type. Errors name "file:line: field 'x': reason". Importers call it on what they build.
Status validateModel(const Model& model);

// Reads a model file (vakt_threat_model: 1) and validates it.
Result<Model> parseModel(std::string_view yaml, const std::string& fileName);

}  // namespace vakt::risk
