package dev.orderflow.protocol.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Linux's epoll where its native library loads (fewer system calls per request), the JDK's NIO
 * everywhere else.
 */
public record Transport(IoHandlerFactory io, Class<? extends ServerChannel> serverChannel) {

    public static Transport best() {
        return Epoll.isAvailable()
                ? new Transport(EpollIoHandler.newFactory(), EpollServerSocketChannel.class)
                : new Transport(NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }

    public EventLoopGroup loops(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
    }
}
