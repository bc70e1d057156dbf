package cn.anhuan.monitoring;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import cn.anhuan.monitoring.hj212.Frame;
import cn.anhuan.monitoring.hj212.FrameScanner;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HJ 212 TCP receiver (Netty). Each connection has its own frame decoder, so garbage or a broken packet
 * from one device never touches another's connection. Connections are capped in total and per remote address
 * ({@link ConnectionLimits}); a connection that sent no complete frame for the frame timeout is closed, and so is
 * one silent for the idle timeout.
 */
@Component
class Hj212Server implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Hj212Server.class);

    private final Intake intake;
    private final PacketWriter writer;
    private final ReceiverStats stats;
    private final MonitoringProperties properties;
    private final ReceiverProperties limits;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;
    private volatile int port = -1;

    Hj212Server(Intake intake, PacketWriter writer, ReceiverStats stats, MonitoringProperties properties,
                ReceiverProperties limits) {
        this.intake = intake;
        this.writer = writer;
        this.stats = stats;
        this.properties = properties;
        this.limits = limits;
    }

    /** The port actually bound (useful when configured as 0), or -1 when not running. */
    int port() {
        return port;
    }

    @Override
    public void start() {
        if (!properties.hj212().enabled()) {
            return;
        }
        writer.periodic(() -> {
            try {
                intake.expireSplits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        long idle = properties.hj212().idleTimeout().toSeconds();
        long frameTimeout = limits.frameTimeout().toNanos();
        ConnectionLimits caps = new ConnectionLimits(limits.maxConnections(), limits.maxConnectionsPerAddress(), stats);
        String bind = limits.bindOr(properties.hj212().bind());
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 512)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!caps.admit(ch)) {
                            ch.close();
                            return;
                        }
                        ch.pipeline().addLast(new IdleStateHandler(idle, 0, 0, TimeUnit.SECONDS), new Decoder(),
                                new Handler(frameTimeout));
                    }
                });
        try {
            server = b.bind(bind, properties.hj212().port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("HJ 212 receiver not started", e);
        }
        port = ((InetSocketAddress) server.localAddress()).getPort();
        log.info("HJ 212 receiver listening on {}:{}", bind, port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            server = null;
            port = -1;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Cuts frames; what is left when the connection ends is one malformed frame. */
    private static final class Decoder extends ByteToMessageDecoder {

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            Frame f;
            while ((f = FrameScanner.next(in)) != null) {
                out.add(f);
            }
        }

        @Override
        protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            decode(ctx, in, out);
            Frame rest = FrameScanner.rest(in);
            if (rest != null) {
                out.add(rest);
            }
        }
    }

    /** One per connection, on its event loop. */
    private final class Handler extends SimpleChannelInboundHandler<Frame> {

        private final long frameTimeout;
        private long lastFrame;
        private ScheduledFuture<?> check;

        Handler(long frameTimeoutNanos) {
            this.frameTimeout = frameTimeoutNanos;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            stats.connections.incrementAndGet();
            lastFrame = System.nanoTime();
            check = ctx.executor().schedule(() -> checkFrames(ctx), frameTimeout, TimeUnit.NANOSECONDS);
            super.channelActive(ctx);
        }

        /** Garbage and bytes that never end a frame do not keep a connection open; framed packets do. */
        private void checkFrames(ChannelHandlerContext ctx) {
            long quiet = System.nanoTime() - lastFrame;
            if (quiet >= frameTimeout) {
                stats.frameTimeouts.increment();
                log.debug("HJ 212 connection {} closed: no complete frame for {} ms", ctx.channel().remoteAddress(),
                        TimeUnit.NANOSECONDS.toMillis(quiet));
                ctx.close();
            } else if (ctx.channel().isActive()) {
                check = ctx.executor().schedule(() -> checkFrames(ctx), frameTimeout - quiet, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            stats.connections.decrementAndGet();
            if (check != null) {
                check.cancel(false);
            }
            super.channelInactive(ctx);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Frame frame) throws Exception {
            if (frame.kind().framed()) {
                lastFrame = System.nanoTime();
            }
            intake.accept(frame, ctx.channel(), String.valueOf(ctx.channel().remoteAddress()));
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("HJ 212 connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
