#include "app/cli.hpp"

int main(int argc, char** argv) { return berkas::app::run_command_line(argc, argv); }
