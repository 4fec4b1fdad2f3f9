#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 for the transport tests: one thread,
// plain sockets, one request per connection. Its loop is bounded: it stops by
// itself after `max_requests` requests or `idle_limit` without a connection,
// and at destruction. `respond` decides each answer from the request's index
// (0-based) and the request.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace berkas::testing {

class HttpTestServer {
public:
    struct Request {
        std::string method;
        std::string path;
        std::map<std::string, std::string> headers; // names in lower case
        std::string body;

        std::string header(const std::string& name) const
        {
            auto it = headers.find(name);
            return it == headers.end() ? std::string() : it->second;
        }
    };

    struct Response {
        int status = 200;
        std::string body;
    };

    using Responder = std::function<Response(int index, const Request& request)>;

    explicit HttpTestServer(Responder respond, int max_requests = 50,
                            std::chrono::seconds idle_limit = std::chrono::seconds(60))
        : m_respond(std::move(respond))
        , m_max_requests(max_requests)
        , m_idle_limit(idle_limit)
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int yes = 1;
        ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0; // any free port
        ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(m_listener, 16);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }

    ~HttpTestServer()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_listener);
    }

    int port() const { return m_port; }
    std::string url(const std::string& path = "/pengajuan") const
    {
        return "http://127.0.0.1:" + std::to_string(m_port) + path;
    }

    std::vector<Request> requests() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_requests;
    }
    size_t request_count() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_requests.size();
    }

private:
    void serve()
    {
        auto last_activity = std::chrono::steady_clock::now();
        int handled = 0;
        while (!m_stop && handled < m_max_requests && std::chrono::steady_clock::now() - last_activity < m_idle_limit) {
            pollfd listening {m_listener, POLLIN, 0};
            if (::poll(&listening, 1, 100) <= 0)
                continue;
            int connection = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (connection < 0)
                continue;
            handle(connection, handled++);
            ::close(connection);
            last_activity = std::chrono::steady_clock::now();
        }
    }

    // Reads until `done` says the buffer is complete, for at most 10 s.
    template<typename Done>
    static bool read_until(int fd, std::string& buffer, Done done)
    {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        char chunk[65536];
        while (!done(buffer)) {
            if (std::chrono::steady_clock::now() > deadline)
                return false;
            pollfd readable {fd, POLLIN, 0};
            if (::poll(&readable, 1, 100) <= 0)
                continue;
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            buffer.append(chunk, static_cast<size_t>(n));
        }
        return true;
    }

    static Request parse_head(const std::string& head)
    {
        Request request;
        size_t line_end = head.find("\r\n");
        std::string first = head.substr(0, line_end);
        size_t space = first.find(' ');
        request.method = first.substr(0, space);
        request.path = first.substr(space + 1, first.find(' ', space + 1) - space - 1);
        for (size_t at = line_end + 2; at < head.size();) {
            size_t end = head.find("\r\n", at);
            if (end == std::string::npos || end == at)
                break;
            std::string line = head.substr(at, end - at);
            size_t colon = line.find(':');
            std::string name = line.substr(0, colon);
            for (char& c : name)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            request.headers[name] = value;
            at = end + 2;
        }
        return request;
    }

    void handle(int connection, int index)
    {
        std::string buffer;
        if (!read_until(connection, buffer, [](const std::string& b) { return b.find("\r\n\r\n") != std::string::npos; }))
            return;
        size_t head_end = buffer.find("\r\n\r\n") + 4;
        Request request = parse_head(buffer.substr(0, head_end));
        size_t length = std::stoul(request.header("content-length").empty() ? "0" : request.header("content-length"));
        if (!read_until(connection, buffer, [&](const std::string& b) { return b.size() >= head_end + length; }))
            return;
        request.body = buffer.substr(head_end, length);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_requests.push_back(request);
        }
        Response response = m_respond(index, request);
        std::string answer = "HTTP/1.1 " + std::to_string(response.status) + " X\r\nContent-Type: application/json\r\n" +
                             "Content-Length: " + std::to_string(response.body.size()) +
                             "\r\nConnection: close\r\n\r\n" + response.body;
        ::send(connection, answer.data(), answer.size(), MSG_NOSIGNAL);
    }

    Responder m_respond;
    int m_max_requests;
    std::chrono::seconds m_idle_limit;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop {false};
    mutable std::mutex m_mutex;
    std::vector<Request> m_requests;
    std::thread m_thread;
};

// A receiver that honours Idempotency-Key: the first request with a key
// registers a submission; a repeat gets the same receipt and registers nothing.
class IdempotentReceiver {
public:
    HttpTestServer::Response operator()(const HttpTestServer::Request& request)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        std::string key = request.header("idempotency-key");
        auto [it, inserted] = m_receipts.try_emplace(key, "REG-" + std::to_string(m_receipts.size() + 1));
        return {inserted ? 201 : 200, "{\"receipt\": \"" + it->second + "\"}"};
    }
    size_t registrations() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_receipts.size();
    }

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::string> m_receipts;
};

} // namespace berkas::testing
