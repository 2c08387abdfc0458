#pragma once
// Freshdesk's ticket export (Tickets → Export → CSV) read into the service desk's terms. Plain
// C++: the Store side matches agents, companies and tags to Vakt's users, organisations and
// services. Every row is checked before anything is imported, and every problem names its line
// and column, so a broken file is fixed and imported whole.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace vakt::desk::freshdesk {

// A wall-clock time as Freshdesk writes it ("2026-03-05 10:15:22", in the helpdesk's time zone).
struct LocalTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};
std::optional<LocalTime> parseTime(std::string_view text);

struct Ticket {
    int line = 0;
    std::string id;  // Ticket ID
    std::string subject, description;
    std::string kind, priority, state, waitingOn;  // Vakt's codes
    std::string agent, group, company, requesterName, requesterEmail;
    std::vector<std::string> tags;
    LocalTime created;
    std::optional<LocalTime> resolved, closed;
};

struct Problem {
    int line = 0;
    std::string column, message;
};

struct Parsed {
    std::vector<Ticket> tickets;
    std::vector<Problem> problems;        // nothing may be imported while there are any
    std::vector<std::string> ignoredColumns;  // custom fields Vakt has no place for
};

// At most this many tickets in one file; a larger export is split by date in Freshdesk.
inline constexpr std::size_t kMaxTickets = 200000;

// Reads the CSV text. Fails only when the file is not a ticket export at all (no CSV, a
// required column missing); row problems are listed in `problems`.
Result<Parsed> parse(std::string_view csvText);

}  // namespace vakt::desk::freshdesk
