#!/usr/bin/perl -w
# jsec's Perl bridge: runs the Perl code of SEC rules in one long-lived perl, so Perl
# globals persist between calls as they do inside sec. The protocol is described in
# PerlBridge.java. User code prints to our stderr: stdout carries the protocol.

package main::SEC;

# sec 2.9.1 call_eval (L32): user code is compiled here, in package main::SEC, without strict
sub call_eval {
  my($code, $listcontext) = @_;
  my($ok, @result);
  $ok = 1;
  if ($listcontext) {
    @result = eval $code;
  } else {
    $result[0] = eval $code;
  }
  if ($@) {
    $ok = 0;
    chomp($result[0] = $@);
  }
  return ($ok, @result);
}

package main;

# the modules sec loads before any rule's code runs (L168-178), so that user code finds
# POSIX::floor, strftime's module, JSON::PP and the rest as it does inside sec
use POSIX qw(:errno_h :sys_wait_h SEEK_SET SEEK_CUR SEEK_END
             setsid ctermid getpgrp tcgetpgrp setuid setgid strftime);
use Getopt::Long;
use Fcntl;
use Socket;
use IO::Handle;
use Scalar::Util;
eval { require Sys::Syslog };
eval { require JSON::PP };

# exit() in user code ends sec with that status (FAQ Q14); here it tells jsec first
my $proto_for_exit;
BEGIN {
  *CORE::GLOBAL::exit = sub {
    my $status = @_ ? $_[0] : 0;
    if (defined($proto_for_exit)) {
      my $s = defined($status) ? "$status" : "0";
      print $proto_for_exit "a2\ns4\nexits" . length($s) . "\n" . $s;
      $proto_for_exit->flush();
    }
    CORE::exit($status);
  };
}

use strict;

my (%refs, %code, %regexes);
my $nextref = 0;

open(my $proto, '>&', \*STDOUT) or die "sec-bridge: cannot dup stdout: $!";
open(STDOUT, '>&', \*STDERR) or die "sec-bridge: cannot redirect stdout: $!";
binmode($proto);
binmode(STDIN);
$proto_for_exit = $proto;

# Requests come in by sysread: a readline would make STDIN Perl's last-read handle, and
# Perl's messages would end in ", <STDIN> line N." where sec's have no such part
my $inbuf = '';
sub fill {
  my $got = sysread(STDIN, $inbuf, 1 << 16, length($inbuf));
  CORE::exit(0) unless $got;
}
sub read_header {
  my $nl;
  fill() while (($nl = index($inbuf, "\n")) < 0);
  return substr($inbuf, 0, $nl + 1, '');
}
sub read_bytes {
  my ($n) = @_;
  fill() while (length($inbuf) < $n);
  return substr($inbuf, 0, $n, '');
}

sub read_value {
  my $header = read_header();
  chomp($header);
  my ($type, $n) = (substr($header, 0, 1), substr($header, 1));
  if ($type eq 'u') { return undef; }
  if ($type eq 's' || $type eq 'w') {
    my $s = read_bytes($n);
    utf8::decode($s) if $type eq 'w';
    return $s;
  }
  if ($type eq 'a') { my @a = map { read_value() } 1 .. $n; return \@a; }
  if ($type eq 'h') {
    my %h;
    for (1 .. $n) { my $k = read_value(); $h{$k} = read_value(); }
    return \%h;
  }
  if ($type eq 'r') { return $refs{$n}; }
  die "sec-bridge: bad request header '$header'\n";
}

# a string in Perl's internal UTF-8 form goes as its characters: as bytes when all are
# below 256 (what sec's syswrite writes), else as UTF-8 marked 'w' (wide characters)
sub encode_string {
  my ($s) = @_;
  if (utf8::is_utf8($s) && !utf8::downgrade($s, 1)) {
    utf8::encode($s);
    return 'w' . length($s) . "\n" . $s;
  }
  return 's' . length($s) . "\n" . $s;
}

# a reference stays here; jsec gets its id and its string form
sub encode_value {
  my ($v) = @_;
  return "u\n" unless defined($v);
  if (ref($v)) {
    my $id = ++$nextref;
    $refs{$id} = $v;
    return "r$id\n" . encode_string("$v");
  }
  return encode_string($v);
}

sub reply {
  my ($status, @values) = @_;
  my $out = 'a' . (scalar(@values) + 1) . "\n" . encode_string($status);
  $out .= encode_value($_) foreach @values;
  print $proto $out;
  $proto->flush();
}

sub error_text {
  my ($e) = @_;
  chomp($e);
  return $e;
}

sub code_ref {
  my ($text) = @_;
  return ($code{$text}, undef) if exists($code{$text});
  return compile_code($text);
}

# sec compiles each occurrence of the code (one eval each, as Perl numbers them)
sub compile_code {
  my ($text) = @_;
  my ($ok, $f) = main::SEC::call_eval($text, 0);
  if (!$ok || !defined($f) || ref($f) ne 'CODE') {
    return (undef, defined($f) ? "$f" : 'undef');
  }
  $code{$text} = $f;
  return ($f, undef);
}

# While sec reads a rule file, Perl's messages end in ", <$fh> line N.": its config handle
# is the last one read, at the line that ended the rule (read_configfile L3737)
sub while_reading {
  my ($line, $work) = @_;
  return $work->() unless $line;
  my $blank = "\n";
  open(my $fh, '<', \$blank) or return $work->();
  my $unused = <$fh>;
  $. = $line;
  my @result = $work->();
  close($fh);
  return wantarray ? @result : $result[0];
}

sub compile_while_reading {
  my ($text, $line) = @_;
  return while_reading($line, sub { compile_code($text) });
}

# mode: 'bool' = scalar context, truth as 1/0; 'list' = list context;
# 'match' = list context, a single hash ref comes back as key/value pairs (PerlFunc)
# udgram and closeudgr for jsec, which Java cannot do (no UNIX datagram sockets):
# sec's execute_udgram_action (L4897), send_to_socket and execute_closeudgr_action
# (L4967). They return the log lines sec would write, as level, message, level, ...
package main::SECWB;
use IO::Handle;

# --syslog for jsec: sec's open_syslog (L422) and log_msg's syslog call (L471); the
# messages carry jsec's pid, not this perl's
my $syslog_pid;
sub openlog {
  my ($ident, $facility, $pid) = @_;
  $syslog_pid = $pid;
  # libc's syslog(3) (Sys::Syslog's "native" way) would stamp perl's own pid; Perl's own
  # writer to /dev/log stamps $$, and writes what libc writes
  eval { Sys::Syslog::setlogsock("unix") };
  eval { Sys::Syslog::openlog($ident, "pid", $facility) };
  return $@ ? ("$@") : ();
}
sub syslog {
  my ($level, $msg) = @_;
  local $$ = $syslog_pid if defined($syslog_pid);
  eval { Sys::Syslog::syslog($level, $msg) };
  return ();
}
sub closelog {
  eval { Sys::Syslog::closelog() };
  return ();
}
use Socket;
# POSIX's, not Errno's: importing from Errno runs a string eval, and Perl numbers the evals
# that compile the rules' code ("(eval 45)") as sec does only when nothing else ran one
sub EINTR { POSIX::EINTR() } sub EWOULDBLOCK { POSIX::EWOULDBLOCK() }
sub EAGAIN { POSIX::EAGAIN() } sub EMSGSIZE { POSIX::EMSGSIZE() }
my %udgram;

sub send_to_socket {
  my ($socket, $event, $dest, $log) = @_;
  for (;;) {
    my $nbytes = eval { send($socket, $event, 0) };
    if ($@) { push @$log, 6, "Error when sending event '$event' to $dest ($@)"; return 1; }
    if (!defined($nbytes)) {
      next if $! == EINTR;
      push @$log, 6, "Error when sending event '$event' to $dest ($!)";
      return ($! == EWOULDBLOCK || $! == EAGAIN || $! == EMSGSIZE) ? 1 : 0;
    }
    if ($nbytes != length($event)) { push @$log, 6, "$nbytes bytes of '$event' sent to $dest"; return 1; }
    return 2;
  }
}

sub udgram {
  my ($file, $event) = @_;
  my @log = (6, "Sending event '$event' to unix datagram socket '$file'");
  if (exists($udgram{$file})) {
    return @log if send_to_socket($udgram{$file}, $event, "socket '$file'", \@log);
    push @log, 6, "Retrying to send event '$event' to socket '$file'";
    delete $udgram{$file};
  }
  if (! -S $file) {
    push @log, 6, "Can't send event '$event' to socket '$file' (socket does not exist)";
    return @log;
  }
  my $handle;
  if (!socket($handle, PF_UNIX, SOCK_DGRAM, 0)) {
    push @log, 2, "Can't create socket for sending event '$event' ($!)";
    return @log;
  }
  if (!connect($handle, sockaddr_un($file))) {
    push @log, 6, "Can't connect to socket '$file' for sending event '$event' ($!)";
    return @log;
  }
  $handle->blocking(0);
  $udgram{$file} = $handle;
  delete $udgram{$file} unless send_to_socket($handle, $event, "socket '$file'", \@log);
  return @log;
}

sub closeudgr {
  my ($file) = @_;
  my @log = (6, "Closing unix datagram socket '$file'");
  if (exists($udgram{$file})) {
    push @log, 3, "Error when closing socket '$file' ($!)" unless close($udgram{$file});
    delete $udgram{$file};
  } else {
    push @log, 6, "Socket '$file' is not open, can't close";
  }
  return @log;
}

package main;

# sec's %main::context_list and %main::variables for code that names them: jsec sends its
# contexts as [[names], time, window, [events], [actions], desc, internal] (one hash per
# context, shared by all its names, as in sec) and its variables as [name, value] pairs,
# and takes them back after the call. Actions travel as [keyword, [args], [[actions]...]].
sub put_state {
  my ($contexts, $variables) = @_;
  %main::context_list = ();
  foreach my $e (@{$contexts}) {
    my %c = ("Time" => $e->[1], "Window" => $e->[2], "Buffer" => [ @{$e->[3]} ],
             "Action" => $e->[4], "Desc" => $e->[5], "Aliases" => { map { $_ => 1 } @{$e->[0]} });
    $c{"Internal"} = 1 if $e->[6];
    my $ref = \%c;
    $main::context_list{$_} = $ref foreach @{$e->[0]};
  }
  %main::variables = ();
  $main::variables{$_->[0]} = $_->[1] foreach @{$variables};
}

sub get_state {
  my (%names, %refs, @order);
  foreach my $name (sort keys %main::context_list) {
    my $c = $main::context_list{$name};
    next unless ref($c) eq 'HASH';
    my $id = Scalar::Util::refaddr($c);
    push @order, $id unless exists($refs{$id});
    $refs{$id} = $c;
    push @{$names{$id}}, $name;
  }
  my @contexts;
  foreach my $id (@order) {
    my $c = $refs{$id};
    push @contexts, [ $names{$id}, $c->{"Time"}, $c->{"Window"},
                      ref($c->{"Buffer"}) eq 'ARRAY' ? $c->{"Buffer"} : [],
                      ref($c->{"Action"}) eq 'ARRAY' ? $c->{"Action"} : [],
                      $c->{"Desc"}, exists($c->{"Internal"}) ? 1 : 0 ];
  }
  my @variables = map { [ $_, $main::variables{$_} ] } sort keys %main::variables;
  return [ \@contexts, \@variables ];
}

# plain data, arrays in full (encode_value keeps references in perl instead)
sub encode_data {
  my ($v) = @_;
  return "u\n" unless defined($v);
  if (ref($v) eq 'ARRAY') {
    return 'a' . scalar(@{$v}) . "\n" . join('', map { encode_data($_) } @{$v});
  }
  return encode_string("$v");
}

sub call_and_reply {
  my ($mode, $f, $args) = @_;
  if ($mode eq 'bool') {
    my $r = eval { $f->(@{$args}) };
    if ($@) { reply('die', error_text($@)); } else { reply('ok', $r ? 1 : 0); }
    return;
  }
  my @r = eval { $f->(@{$args}) };
  if ($@) { reply('die', error_text($@)); return; }
  if ($mode eq 'match' && @r == 1 && ref($r[0]) eq 'HASH') {
    reply('hash', map { ($_, $r[0]->{$_}) } keys %{$r[0]});
    return;
  }
  reply('ok', @r);
}

while (1) {
  my $request = read_value();
  my ($command, @args) = @{$request};
  if ($command eq 'compile') {
    my ($f, $error) = compile_while_reading($args[0], $args[1] // 0);
    if (defined($f)) { reply('ok', "$f"); } else { reply('err', $error); }
  } elsif ($command eq 'call') {
    my ($mode, $text, $params) = @args;
    my ($f, $error) = code_ref($text);
    if (defined($f)) { call_and_reply($mode, $f, $params); } else { reply('err', $error); }
  } elsif ($command eq 'callref') {
    my ($mode, $f, $params) = @args;
    if (ref($f) eq 'CODE') { call_and_reply($mode, $f, $params); } else { reply('err', 'not a code reference'); }
  } elsif ($command eq 'eval') {
    my ($mode, $text) = @args;
    my ($ok, @r) = main::SEC::call_eval($text, $mode eq 'list' ? 1 : 0);
    if (!$ok) { reply('die', $r[0]); }
    elsif ($mode eq 'bool') { reply('ok', $r[0] ? 1 : 0); }
    else { reply('ok', @r); }
  } elsif ($command eq 'stateput') {
    put_state(@args);
    reply('ok');
  } elsif ($command eq 'stateget') {
    print $proto 'a2' . "\n" . encode_string('ok') . encode_data(get_state());
    $proto->flush();
  } elsif ($command eq 'match') {
    my ($pattern, $text) = @args;
    my $re = ($regexes{$pattern} //= eval { qr/$pattern/ });
    if (!defined($re)) { reply('err', error_text($@)); next; }
    if (my @groups = ($text =~ $re)) {
      my $count = $#+;
      my @named = map { ($_, $+{$_}) } keys %+;
      reply('ok', 1, $count, $count ? @groups : (), @named);
    } else {
      reply('ok', 0);
    }
  } elsif ($command eq 'regexerror') {
    my ($pattern, $line, $secline) = @args;
    my $error = while_reading($line, sub {
      $secline == 866 ? main::SECWB::qr_error_866($pattern) : main::SECWB::qr_error_711($pattern) });
    reply('ok', $error);
  } elsif ($command eq 'ping') {
    reply('ok', $]);
  } else {
    reply('err', "unknown command '$command'");
  }
}

# sec's own regex checks, so that perl's messages end as sec's do ("at /usr/bin/sec line
# 711, <$fh> line N."): analyze_pattern (L711) and analyze_eventgroup_pattern (L866).
# These must stay the last lines of this file.
package main::SECWB;
# line 711 "/usr/bin/sec"
sub qr_error_711 { my $pat = shift; my $pat2 = eval { qr/$pat/ }; return $@ ? "$@" : undef; }
# line 866 "/usr/bin/sec"
sub qr_error_866 { my $pat = shift; my $pat2 = eval { qr/$pat/ }; return $@ ? "$@" : undef; }
